using System.Globalization;

namespace CostSync.Sync.Planning;

/// <summary>Mirror mode's safety checks: never delete on an empty source listing or beyond <c>MirrorMaxDeleteShare</c>.</summary>
internal static class MirrorGuard
{
    /// <summary>Why the deletions must not happen, or <see langword="null"/> when they may.</summary>
    public static string? Refusal(int sourceListed, int destinationObjects, int deletions, double maxDeleteShare)
    {
        if (deletions == 0)
        {
            return null;
        }

        if (sourceListed == 0)
        {
            return $"Mirror mode refused to delete {deletions} destination objects: the source listing is empty, which usually means a wrong bucket, region or policy rather than deleted reports. Nothing was deleted; check CostSync:Source and the IAM policy.";
        }

        var share = (double)deletions / Math.Max(1, destinationObjects);
        return share > maxDeleteShare
            ? string.Create(CultureInfo.InvariantCulture, $"Mirror mode refused to delete {deletions} of {destinationObjects} destination objects ({share:P0}): more than CostSync:Destination:MirrorMaxDeleteShare = {maxDeleteShare}. Nothing was deleted; raise the share for one run if this is intended.")
            : null;
    }
}
