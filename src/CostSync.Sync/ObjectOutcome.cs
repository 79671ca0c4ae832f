using CostSync.Sync.Validation;

namespace CostSync.Sync;

/// <summary>What happened to one object in a run.</summary>
/// <param name="Name">The source object name.</param>
/// <param name="Action">What the plan said to do.</param>
/// <param name="Succeeded">True when the action completed and was verified.</param>
/// <param name="Bytes">Bytes copied (0 when skipped).</param>
/// <param name="Error">Why it failed, for people; never holds secrets.</param>
public sealed record ObjectOutcome(string Name, PlannedAction Action, bool Succeeded, long Bytes, string? Error)
{
    /// <summary>True when the object answered 404 on read: it left the source after the listing. Not a failure; nothing was copied.</summary>
    public bool SourceGone { get; init; }

    /// <summary>The service's error code of a failure when it had one (e.g. S3 <c>AccessDenied</c>, <c>ExpiredToken</c>), for decisions; never parsed from <see cref="Error"/>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Set when the bytes were written to the archive (also when the answer left a doubt): where, and what vouched for them.</summary>
    public ArchivedCopy? Copy { get; init; }

    /// <summary>For a changed report: where its previously archived bytes were preserved this run before the overwrite.</summary>
    public string? SupersededKey { get; init; }

    /// <summary>What validation found in a copied report's content; null when it was not validated (off, not a <c>.csv.gz</c>, not copied).</summary>
    public ContentCheck? Content { get; init; }

    /// <summary>True when the report was archived (byte for byte, as always) but its content is not a valid report: see <see cref="Content"/>.</summary>
    public bool HasInvalidContent => Content is { IsValid: false };
}
