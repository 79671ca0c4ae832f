using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;
using CostSync.Oci.ObjectStorage;

namespace CostSync.Tests.Support;

/// <summary>An object in <see cref="FakeObjectStorageClient"/>: generated content plus the identity OCI would list.</summary>
public sealed class FakeObject
{
    /// <summary>An object of generated content; <paramref name="hashed"/> false for one too big to hash that a test never lets be read (a made-up MD5, no CRC-32C).</summary>
    public FakeObject(string name, GeneratedContent content, int? multipartParts, DateTimeOffset created, bool crc32c = true, bool hashed = true)
    {
        Name = name;
        Content = content;
        ETag = Guid.NewGuid().ToString();
        Md5 = !hashed ? Convert.ToBase64String(new byte[16]) : multipartParts is { } n ? MultipartMd5(content, n) : Convert.ToBase64String(Md5Of(content, 0, content.Length));
        Created = created;
        Crc32c = crc32c && hashed ? Crc32cOf(content) : null;
    }

    public string Name { get; }

    public GeneratedContent Content { get; }

    public string ETag { get; }

    public string Md5 { get; }

    public DateTimeOffset Created { get; }

    /// <summary>What OCI would send as <c>opc-content-crc32c</c>; <see langword="null"/> for an object stored before OCI computed it.</summary>
    public string? Crc32c { get; }

    public bool IsMultipart => Md5.Contains('-', StringComparison.Ordinal);

    public ObjectSummary Summary => new(Name, Content.Length, Md5, ETag, Created, Created);

    public static byte[] Md5Of(GeneratedContent content, long offset, long length)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[1 << 20];
        for (var done = 0L; done < length;)
        {
            var n = (int)Math.Min(buffer.Length, length - done);
            content.Fill(offset + done, buffer.AsSpan(0, n));
            md5.AppendData(buffer, 0, n);
            done += n;
        }

        return md5.GetHashAndReset();
    }

    private static string Crc32cOf(GeneratedContent content)
    {
        var crc = new Crc32(Crc32ParameterSet.Crc32C);
        var buffer = new byte[1 << 20];
        for (var done = 0L; done < content.Length;)
        {
            var n = (int)Math.Min(buffer.Length, content.Length - done);
            content.Fill(done, buffer.AsSpan(0, n));
            crc.Append(buffer.AsSpan(0, n));
            done += n;
        }

        var bigEndian = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bigEndian, crc.GetCurrentHashAsUInt32());
        return Convert.ToBase64String(bigEndian);
    }

    private static string MultipartMd5(GeneratedContent content, int parts)
    {
        var partSize = (content.Length + parts - 1) / parts;
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        for (var i = 0; i < parts; i++)
        {
            var offset = i * partSize;
            md5.AppendData(Md5Of(content, offset, Math.Min(partSize, content.Length - offset)));
        }

        return $"{Convert.ToBase64String(md5.GetHashAndReset())}-{parts}";
    }
}
