using System.Security.Cryptography;

namespace CostSync.Sync.Integrity;

/// <summary>The MD5 forms S3 and OCI use: hex, base64 and the multipart <c>md5(concat part md5s)-N</c>.</summary>
/// <remarks>
/// MD5 here is the integrity digest the S3 and OCI wire protocols define (Content-MD5, ETags), not a security primitive,
/// so CA5351 is suppressed in this one place and every MD5 in the engine goes through it.
/// </remarks>
#pragma warning disable CA5351
internal static class Md5Digests
{
    /// <summary>Base64 MD5 of no bytes, what a zero-byte object's Content-MD5 is.</summary>
    public static readonly string EmptyBase64 = Convert.ToBase64String(Hash(ReadOnlySpan<byte>.Empty));

    /// <summary>The binary MD5 of <paramref name="content"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> content) => MD5.HashData(content);

    /// <summary>An incremental MD5 for content that arrives in pieces.</summary>
    public static IncrementalHash CreateIncremental() => IncrementalHash.CreateHash(HashAlgorithmName.MD5);

    /// <summary>The S3 ETag of a multipart object: hex MD5 of the concatenated binary part MD5s, a dash, the part count.</summary>
    public static string MultipartETag(IReadOnlyList<byte[]> partMd5s)
    {
        using var md5 = CreateIncremental();
        foreach (var part in partMd5s)
        {
            md5.AppendData(part);
        }

        return $"{Convert.ToHexStringLower(md5.GetHashAndReset())}-{partMd5s.Count}";
    }

    /// <summary>True when two ETags are equal ignoring quotes and case.</summary>
    public static bool SameETag(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim('"'), b.Trim('"'), StringComparison.OrdinalIgnoreCase);

    /// <summary>The hex form of a base64 MD5, or <see langword="null"/> when it is not one (e.g. a multipart form).</summary>
    public static string? Base64ToHex(string? base64)
    {
        if (base64 is null || base64.Contains('-', StringComparison.Ordinal))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[16];
        return Convert.TryFromBase64String(base64, bytes, out var written) && written == 16 ? Convert.ToHexStringLower(bytes) : null;
    }
}
#pragma warning restore CA5351
