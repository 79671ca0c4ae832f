namespace CostSync.Tests.Support;

/// <summary>Deterministic pseudo-random bytes addressable at any offset, so big objects need no memory.</summary>
public sealed class GeneratedContent(long length, int seed)
{
    public long Length { get; } = length;

    public int Seed { get; } = seed;

    public void Fill(long offset, Span<byte> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            var x = (ulong)(offset + i) * 0x9E3779B97F4A7C15UL ^ (ulong)Seed * 0xBF58476D1CE4E5B9UL;
            x ^= x >> 31;
            x *= 0x94D049BB133111EBUL;
            target[i] = (byte)(x >> 56);
        }
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        Fill(0, bytes);
        return bytes;
    }
}
