using CostSync.Oci.ObjectStorage;
using CostSync.Sync.Destinations;

namespace CostSync.Sync.Integrity;

/// <summary>
/// Which checks vouched for a copy, from what the copier compared and what the destination answered: the positive side of
/// <see cref="WriteDoubts"/>. A check is listed only when it actually ran and passed.
/// </summary>
internal static class VouchedChecks
{
    /// <summary>The checks of a single PutObject copy.</summary>
    public static VerificationChecks Single(ObjectSummary source, string? ociCrc32c, DestinationWriteResult written, byte[] md5, string crc32c)
    {
        var checks = FromSource(source, ociCrc32c);
        if (written.ETagIsMd5 && Md5Digests.SameETag(written.ETag, Convert.ToHexStringLower(md5)))
        {
            checks |= VerificationChecks.DestinationETag;
        }

        return checks | FullObjectCrc(written, crc32c);
    }

    /// <summary>The checks of a completed multipart copy.</summary>
    public static VerificationChecks Multipart(ObjectSummary source, string? ociCrc32c, DestinationWriteResult written, IReadOnlyList<(UploadedPart Part, PartWriteResult Answer)> parts, string crc32c)
    {
        var checks = FromSource(source, ociCrc32c);
        var expected = Md5Digests.MultipartETag([.. parts.Select(p => p.Part.Md5)]);
        if (written.ETagIsMd5 && parts.All(p => p.Answer.ETagIsMd5 && Md5Digests.SameETag(p.Answer.ETag, Convert.ToHexStringLower(p.Part.Md5))) && Md5Digests.SameETag(written.ETag, expected))
        {
            checks |= VerificationChecks.DestinationETag;
        }

        return checks | FullObjectCrc(written, crc32c);
    }

    private static VerificationChecks FromSource(ObjectSummary source, string? ociCrc32c)
    {
        // Every request body carried a Content-MD5 the destination checked; nothing is stored otherwise.
        var checks = VerificationChecks.DestinationContentMd5;
        if (!source.IsMultipartMd5 && source.Md5 is not null)
        {
            checks |= VerificationChecks.OciMd5;
        }

        if (ociCrc32c is not null)
        {
            checks |= VerificationChecks.OciCrc32c;
        }

        return checks;
    }

    private static VerificationChecks FullObjectCrc(DestinationWriteResult written, string crc32c) =>
        written.Crc32c is { } reported && !reported.Contains('-', StringComparison.Ordinal) && string.Equals(reported, crc32c, StringComparison.Ordinal)
            ? VerificationChecks.DestinationFullObjectCrc32c
            : VerificationChecks.None;
}
