using System.Buffers.Binary;
using System.IO.Hashing;

namespace CostSync.Sync.Integrity;

/// <summary>
/// CRC-32C (Castagnoli) in the form OCI (<c>opc-content-crc32c</c>) and S3 (<c>x-amz-checksum-crc32c</c>) exchange it: base64
/// of the big-endian 32-bit value. Hashing is System.IO.Hashing's vectorized implementation.
/// </summary>
internal static class Crc32CDigests
{
    // The reflected Castagnoli polynomial.
    private const uint Polynomial = 0x82F63B78;

    /// <summary>The CRC-32C of <paramref name="content"/>.</summary>
    public static uint Hash(ReadOnlySpan<byte> content)
    {
        var crc = new Crc32(Crc32ParameterSet.Crc32C);
        crc.Append(content);
        return crc.GetCurrentHashAsUInt32();
    }

    /// <summary>The wire form: base64 of the big-endian bytes.</summary>
    public static string ToBase64(uint crc)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, crc);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>Parses the wire form; <see langword="false"/> when <paramref name="base64"/> is not four base64-encoded bytes.</summary>
    public static bool TryParse(string? base64, out uint crc)
    {
        crc = 0;
        Span<byte> bytes = stackalloc byte[4];
        if (base64 is null || !Convert.TryFromBase64String(base64, bytes, out var written) || written != 4)
        {
            return false;
        }

        crc = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        return true;
    }

    /// <summary>
    /// The CRC-32C of <c>A || B</c> from <c>crc(A)</c>, <c>crc(B)</c> and the length of <c>B</c>, so parts hashed in parallel
    /// (each byte once) give the whole object's value. This is zlib's <c>crc32_combine</c> (GF(2) matrix powers of the
    /// "append one zero bit" operator) for the Castagnoli polynomial; it costs O(log length), not a pass over the bytes.
    /// </summary>
    public static uint Combine(uint first, uint second, long secondLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(secondLength);
        if (secondLength == 0)
        {
            return first;
        }

        Span<uint> even = stackalloc uint[32];
        Span<uint> odd = stackalloc uint[32];

        // The operator for one zero bit, then squared into two and four zero bits.
        odd[0] = Polynomial;
        uint row = 1;
        for (var n = 1; n < 32; n++)
        {
            odd[n] = row;
            row <<= 1;
        }

        Square(even, odd);
        Square(odd, even);

        // Apply len2 zero bytes to the first CRC, one bit of the length at a time (the first square gives one zero byte).
        var crc = first;
        var length = secondLength;
        do
        {
            Square(even, odd);
            if ((length & 1) != 0)
            {
                crc = Times(even, crc);
            }

            length >>= 1;
            if (length == 0)
            {
                break;
            }

            Square(odd, even);
            if ((length & 1) != 0)
            {
                crc = Times(odd, crc);
            }

            length >>= 1;
        }
        while (length != 0);

        return crc ^ second;
    }

    private static uint Times(ReadOnlySpan<uint> matrix, uint vector)
    {
        uint sum = 0;
        for (var i = 0; vector != 0; i++, vector >>= 1)
        {
            if ((vector & 1) != 0)
            {
                sum ^= matrix[i];
            }
        }

        return sum;
    }

    private static void Square(Span<uint> square, ReadOnlySpan<uint> matrix)
    {
        for (var n = 0; n < 32; n++)
        {
            square[n] = Times(matrix, matrix[n]);
        }
    }
}
