using Amazon.S3;
using Amazon.S3.Model;
using CostSync.Sync.Configuration;

namespace CostSync.Sync.Destinations.S3;

/// <summary>
/// <c>Destination:ObjectLock</c> on the wire: <c>x-amz-object-lock-mode</c> and <c>x-amz-object-lock-retain-until-date</c>
/// (now + <c>RetainDays</c>) on every request that can create an object: PutObject, InitiateMultipartUpload, CopyObject.
/// </summary>
internal static class S3ObjectLock
{
    public static void Apply(PutObjectRequest request, DestinationOptions options, DateTimeOffset now)
    {
        if (Retention(options, now) is { } retention)
        {
            request.ObjectLockMode = retention.Mode;
            request.ObjectLockRetainUntilDate = retention.RetainUntil;
        }
    }

    public static void Apply(InitiateMultipartUploadRequest request, DestinationOptions options, DateTimeOffset now)
    {
        if (Retention(options, now) is { } retention)
        {
            request.ObjectLockMode = retention.Mode;
            request.ObjectLockRetainUntilDate = retention.RetainUntil;
        }
    }

    public static void Apply(CopyObjectRequest request, DestinationOptions options, DateTimeOffset now)
    {
        if (Retention(options, now) is { } retention)
        {
            request.ObjectLockMode = retention.Mode;
            request.ObjectLockRetainUntilDate = retention.RetainUntil;
        }
    }

    /// <summary>The mode and retain-until date (UTC) for an object written at <paramref name="now"/>; null without Object Lock.</summary>
    public static (ObjectLockMode Mode, DateTime RetainUntil)? Retention(DestinationOptions options, DateTimeOffset now) =>
        options.ObjectLock is { Mode: { } mode, RetainDays: { } days }
            ? (mode == RetentionMode.Compliance ? ObjectLockMode.Compliance : ObjectLockMode.Governance, now.UtcDateTime.AddDays(days))
            : null;
}
