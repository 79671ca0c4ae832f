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
            // Ending the response short of Content-Length makes Kestrel close the connection after sending what was
            // written (an abort could discard the buffered headers, so the client would see a reset instead).
            await output.WriteAsync(body[..(body.Length / 2)], cancellationToken);
            await output.FlushAsync(cancellationToken);
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
