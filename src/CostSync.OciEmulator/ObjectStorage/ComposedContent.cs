namespace CostSync.OciEmulator.ObjectStorage;

/// <summary>
/// An object's bytes as a sequence of shared segments (for example gzip members reused across a generated tree): any size,
/// 2 GiB and beyond, without holding the object's bytes. Read-only; segments must never change after construction.
/// </summary>
internal sealed class ComposedContent
{
    private readonly byte[][] _segments;
    private readonly long[] _starts;

    public ComposedContent(IReadOnlyList<byte[]> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        _segments = [.. segments];
        _starts = new long[_segments.Length];
        long offset = 0;
        for (int i = 0; i < _segments.Length; i++)
        {
            _starts[i] = offset;
            offset += _segments[i].Length;
        }

        Length = offset;
    }

    public long Length { get; }

    /// <summary>The bytes in [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="length"/>) as consecutive slices.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Slices(long offset, long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset + length, Length);
        if (length == 0)
        {
            yield break;
        }

        int index = Array.BinarySearch(_starts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        long remaining = length;
        long position = offset;
        for (; remaining > 0; index++)
        {
            byte[] segment = _segments[index];
            int start = (int)(position - _starts[index]);
            int take = (int)Math.Min(segment.Length - start, remaining);
            if (take > 0)
            {
                yield return segment.AsMemory(start, take);
                remaining -= take;
                position += take;
            }
        }
    }

    /// <summary>Copies [<paramref name="offset"/>, +<paramref name="destination"/>.Length) into <paramref name="destination"/>.</summary>
    public void CopyTo(long offset, Span<byte> destination)
    {
        int written = 0;
        foreach (ReadOnlyMemory<byte> slice in Slices(offset, destination.Length))
        {
            slice.Span.CopyTo(destination[written..]);
            written += slice.Length;
        }
    }

    /// <summary>Writes [<paramref name="offset"/>, +<paramref name="length"/>) to <paramref name="output"/>.</summary>
    public async Task WriteToAsync(Stream output, long offset, long length, CancellationToken cancellationToken)
    {
        foreach (ReadOnlyMemory<byte> slice in Slices(offset, length))
        {
            await output.WriteAsync(slice, cancellationToken);
        }
    }
}
