using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.IO.Hashing;
using System.Security.Cryptography;

// MD5 is what Object Storage reports (content-md5, opc-multipart-md5); it is an integrity checksum here, not security.
#pragma warning disable CA5351

namespace CostSync.OciEmulator.ObjectStorage;

/// <summary>The bling bucket's objects. Thread-safe; listings read an immutable sorted snapshot.</summary>
internal sealed class EmulatorStore(TimeProvider time)
{
    public const int DefaultPartSize = 8 * 1024 * 1024;

    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, EmulatorObject> _objects = new(CodePointComparer.Instance);
    private EmulatorObject[]? _snapshot;

    /// <summary>All objects, sorted by name in code-point (UTF-8 byte) order.</summary>
    public IReadOnlyList<EmulatorObject> All => Snapshot();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _objects.Count;
            }
        }
    }

    /// <summary>Stores (or replaces, with a new ETag) an object. <paramref name="content"/> is kept, not copied.</summary>
    /// <param name="name">Object name (any Unicode).</param>
    /// <param name="content">The bytes; kept by reference.</param>
    /// <param name="multipart">Serve it as a multipart upload: no Content-MD5, an <c>opc-multipart-md5</c> of <paramref name="partSize"/> parts.</param>
    /// <param name="partSize">Part size used for the multipart MD5.</param>
    /// <param name="created">Creation (and modification) time; default now.</param>
    /// <param name="crc32c">Serve <c>opc-content-crc32c</c>; <see langword="false"/> for an object stored before OCI computed it.</param>
    public EmulatorObject Put(string name, byte[] content, bool multipart = false, int partSize = DefaultPartSize, DateTimeOffset? created = null, bool crc32c = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(partSize, 1);
        DateTimeOffset when = created ?? time.GetUtcNow();
        var item = new EmulatorObject(
            name,
            content,
            Guid.NewGuid().ToString(),
            multipart ? null : Convert.ToBase64String(MD5.HashData(content)),
            multipart ? MultipartMd5(content, partSize) : null,
            when,
            when)
        {
            Crc32c = crc32c ? Crc32C(content) : null,
        };
        lock (_lock)
        {
            _objects[name] = item;
            _snapshot = null;
        }

        return item;
    }

    /// <summary>Stores a generated object whose bytes are shared segments; its MD5 (or multipart MD5) and CRC-32C are computed here, once.</summary>
    /// <param name="name">Object name.</param>
    /// <param name="content">The segments; kept by reference.</param>
    /// <param name="multipart">Serve it as a multipart upload of <paramref name="partSize"/> parts (no whole-object MD5).</param>
    /// <param name="partSize">Part size used for the multipart MD5.</param>
    /// <param name="created">Creation (and modification) time.</param>
    public EmulatorObject Put(string name, ComposedContent content, bool multipart, long partSize, DateTimeOffset created)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(partSize, 1);
        var (md5, multipartMd5, crc32c) = Digests(content, multipart, partSize);
        var item = new EmulatorObject(name, ReadOnlyMemory<byte>.Empty, Guid.NewGuid().ToString(), md5, multipartMd5, created, created)
        {
            Composed = content,
            Crc32c = crc32c,
        };
        lock (_lock)
        {
            _objects[name] = item;
            _snapshot = null;
        }

        return item;
    }

    /// <summary>Adds an object prepared elsewhere (e.g. generated into another store ahead of time), as it is.</summary>
    public void Insert(EmulatorObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_lock)
        {
            _objects[item.Name] = item;
            _snapshot = null;
        }
    }

    public bool Remove(string name)
    {
        lock (_lock)
        {
            _snapshot = null;
            return _objects.Remove(name);
        }
    }

    public bool TryGet(string name, [NotNullWhen(true)] out EmulatorObject? item)
    {
        lock (_lock)
        {
            return _objects.TryGetValue(name, out item);
        }
    }

    internal EmulatorObject[] Snapshot()
    {
        lock (_lock)
        {
            return _snapshot ??= [.. _objects.Values];
        }
    }

    private static (string? Md5, string? MultipartMd5, string Crc32c) Digests(ComposedContent content, bool multipart, long partSize)
    {
        var crc = new Crc32(Crc32ParameterSet.Crc32C);
        using var whole = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var part = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var partDigests = new List<byte>();
        long parts = Math.Max(1, (content.Length + partSize - 1) / partSize);
        for (long p = 0; p < parts; p++)
        {
            long offset = p * partSize;
            foreach (ReadOnlyMemory<byte> slice in content.Slices(offset, Math.Min(partSize, content.Length - offset)))
            {
                crc.Append(slice.Span);
                (multipart ? part : whole).AppendData(slice.Span);
            }

            if (multipart)
            {
                partDigests.AddRange(part.GetHashAndReset());
            }
        }

        Span<byte> bigEndian = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bigEndian, crc.GetCurrentHashAsUInt32());
        string crc32c = Convert.ToBase64String(bigEndian);
        return multipart
            ? (null, $"{Convert.ToBase64String(MD5.HashData([.. partDigests]))}-{parts}", crc32c)
            : (Convert.ToBase64String(whole.GetHashAndReset()), null, crc32c);
    }

    /// <summary>What OCI sends: base64 of the CRC-32C of the whole object, in big-endian byte order.</summary>
    private static string Crc32C(byte[] content)
    {
        var crc = new Crc32(Crc32ParameterSet.Crc32C);
        crc.Append(content);
        Span<byte> bigEndian = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bigEndian, crc.GetCurrentHashAsUInt32());
        return Convert.ToBase64String(bigEndian);
    }

    private static string MultipartMd5(byte[] content, int partSize)
    {
        int parts = Math.Max(1, (content.Length + partSize - 1) / partSize);
        byte[] concatenated = new byte[parts * 16];
        for (int i = 0; i < parts; i++)
        {
            int offset = i * partSize;
            int length = Math.Min(partSize, content.Length - offset);
            MD5.HashData(content.AsSpan(offset, length), concatenated.AsSpan(i * 16, 16));
        }

        return $"{Convert.ToBase64String(MD5.HashData(concatenated))}-{parts}";
    }
}
