using CostSync.Sync.Destinations;

namespace CostSync.Sync.Integrity;

/// <summary>
/// Compares a destination's answers with what CostSync sent. S3 has already refused any body whose Content-MD5 (and CRC-32C)
/// did not match, so a difference here is a doubt about the answer, never a reason to delete: it is reported, not acted on.
/// </summary>
internal static class WriteDoubts
{
    private const string Kept = "The object was written (S3 checked its Content-MD5 on upload) and is kept; the ledger marks the doubt. Run `doctor` to see what the bucket verifies.";

    /// <summary>The doubt about a single PutObject, or <see langword="null"/>.</summary>
    public static string? Single(string key, DestinationWriteResult written, byte[] md5, string crc32c)
    {
        List<string> doubts = [];
        if (written.ETagIsMd5 && written.ETag is { } etag && !Md5Digests.SameETag(etag, Convert.ToHexStringLower(md5)))
        {
            doubts.Add($"ETag {etag} is not the MD5 {Convert.ToHexStringLower(md5)} although the answer shows no KMS or SSE-C encryption");
        }

        AddCrc(doubts, "the object", written.Crc32c, crc32c);
        return Describe(key, doubts);
    }

    /// <summary>The doubt about a completed multipart upload and its parts, or <see langword="null"/>.</summary>
    public static string? Multipart(string key, DestinationWriteResult written, IReadOnlyList<(UploadedPart Part, PartWriteResult Answer)> parts, string crc32c)
    {
        List<string> doubts = [];
        foreach (var (part, answer) in parts)
        {
            if (answer.ETagIsMd5 && !Md5Digests.SameETag(answer.ETag, Convert.ToHexStringLower(part.Md5)))
            {
                doubts.Add($"part {part.PartNumber} has ETag {answer.ETag}, not its MD5 {Convert.ToHexStringLower(part.Md5)}");
            }

            AddCrc(doubts, $"part {part.PartNumber}", answer.Crc32c, part.Crc32c);
        }

        var expected = Md5Digests.MultipartETag([.. parts.Select(p => p.Part.Md5)]);
        if (written.ETagIsMd5 && parts.All(p => p.Answer.ETagIsMd5) && written.ETag is { } etag && !Md5Digests.SameETag(etag, expected))
        {
            doubts.Add($"ETag {etag} is not {expected} (the MD5 of the part MD5s) although no answer shows KMS or SSE-C encryption");
        }

        AddCrc(doubts, "the object", written.Crc32c, crc32c);
        return Describe(key, doubts);
    }

    private static void AddCrc(List<string> doubts, string what, string? reported, string? ours)
    {
        // A composite (per-part) checksum ends in "-N" and is not comparable with a whole-object value.
        if (reported is not null && ours is not null && !reported.Contains('-', StringComparison.Ordinal) && !string.Equals(reported, ours, StringComparison.Ordinal))
        {
            doubts.Add($"the destination reports CRC-32C {reported} for {what}, CostSync sent {ours}");
        }
    }

    private static string? Describe(string key, List<string> doubts) =>
        doubts.Count == 0 ? null : $"The destination's answer for {key} does not prove the write: {string.Join("; ", doubts)}. {Kept}";
}
