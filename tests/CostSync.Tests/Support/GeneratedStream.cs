namespace CostSync.Tests.Support;

/// <summary>A read-only body over <see cref="GeneratedContent"/>, optionally truncated halfway, stalled halfway or with one byte flipped.</summary>
public sealed class GeneratedStream(GeneratedContent content, long start, long length, FakeGetFault fault, TaskCompletionSource? stalled = null) : Stream
{
    private readonly long _end = fault is FakeGetFault.TruncatedBody or FakeGetFault.Stalled ? length / 2 : length;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(Math.Min(buffer.Length, 256 * 1024), _end - _position);
        if (n <= 0)
        {
            return 0;
        }

        content.Fill(start + _position, buffer[..n]);
        var flipAt = length / 3;
        if (fault == FakeGetFault.FlippedByte && flipAt >= _position && flipAt < _position + n)
        {
            buffer[(int)(flipAt - _position)] ^= 0x01;
        }

        _position += n;
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (fault == FakeGetFault.Stalled && _position >= _end && buffer.Length > 0)
        {
            // Nothing more will come; only the reader's own timeout (its token) ends the wait.
            stalled?.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return Read(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
