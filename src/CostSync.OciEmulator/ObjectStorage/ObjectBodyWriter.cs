using CostSync.OciEmulator.Faults;
using CostSync.OciEmulator.Hosting;

namespace CostSync.OciEmulator.ObjectStorage;

/// <summary>Streams object bytes straight from the stored buffer, applying truncation and byte-flip faults.</summary>
internal sealed class ObjectBodyWriter(FaultInjector faults)
{
    public async Task WriteAsync(EmulatorRequest request, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        string operation = request.Route.Operation;
        Stream output = request.Response.Body;
        if (body.Length > 0 && faults.TakeTruncation(operation))
        {
            await output.WriteAsync(body[..(body.Length / 2)], cancellationToken);
            await output.FlushAsync(cancellationToken);
            request.Context.Abort();
            return;
        }

        if (body.Length > 0 && faults.TakeFlip(operation))
        {
            int middle = body.Length / 2;
            await output.WriteAsync(body[..middle], cancellationToken);
            await output.WriteAsync(new[] { (byte)(body.Span[middle] ^ 0xFF) }, cancellationToken);
            await output.WriteAsync(body[(middle + 1)..], cancellationToken);
            return;
        }

        await output.WriteAsync(body, cancellationToken);
    }
}
