using CostSync.OciEmulator.Faults;
using CostSync.OciEmulator.Hosting;

namespace CostSync.OciEmulator.ObjectStorage;

/// <summary>Streams object bytes straight from the stored buffer, applying body faults (truncation, reset, flipped byte, stall).</summary>
internal sealed class ObjectBodyWriter(FaultInjector faults)
{
    public async Task WriteAsync(EmulatorRequest request, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        HttpContext context = request.Context;
        Stream output = request.Response.Body;
        InjectedFault fault = body.Length == 0 ? InjectedFault.None : Choose(FaultRecord.Pending(context), request.Route.Operation);
        FaultRecord.SetApplied(context, fault);
        switch (fault)
        {
            case InjectedFault.Truncated:
                // Ending the response short of Content-Length makes Kestrel close the connection after sending what was
                // written (an abort could discard the buffered headers, so the client would see a reset instead).
                await output.WriteAsync(body[..(body.Length / 2)], cancellationToken);
                await output.FlushAsync(cancellationToken);
                return;
            case InjectedFault.BodyReset:
                await output.WriteAsync(body[..(body.Length / 2)], cancellationToken);
                await output.FlushAsync(cancellationToken);
                context.Abort();
                return;
            case InjectedFault.Stalled:
                // Bytes stop, the socket stays open: only the client giving up (or the emulator stopping) ends it.
                await output.WriteAsync(body[..(body.Length / 2)], cancellationToken);
                await output.FlushAsync(cancellationToken);
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                return;
            case InjectedFault.FlippedByte:
                int middle = body.Length / 2;
                await output.WriteAsync(body[..middle], cancellationToken);
                await output.WriteAsync(new[] { (byte)(body.Span[middle] ^ 0xFF) }, cancellationToken);
                await output.WriteAsync(body[(middle + 1)..], cancellationToken);
                return;
            default:
                await output.WriteAsync(body, cancellationToken);
                return;
        }
    }

    /// <summary>A fault the request arrived with (the random rule), else one of the counted ones.</summary>
    private InjectedFault Choose(InjectedFault decided, string operation) =>
        decided != InjectedFault.None ? decided
        : faults.TakeTruncation(operation) ? InjectedFault.Truncated
        : faults.TakeFlip(operation) ? InjectedFault.FlippedByte
        : faults.TakeStall(operation) ? InjectedFault.Stalled
        : InjectedFault.None;
}
