using System.Net;
using CostSync.OciEmulator.Faults;
using CostSync.OciEmulator.Identity;
using CostSync.OciEmulator.Requests;
using CostSync.OciEmulator.Signing;
using Microsoft.AspNetCore.Http.Features;

namespace CostSync.OciEmulator.Hosting;

/// <summary>Per request: request id, latency, body buffering, authentication, injected failures, dispatch, request log.</summary>
internal sealed class RequestPipeline(SignatureVerifier verifier, FaultInjector faults, OperationHandlers handlers, RequestLog log, IssuedSecrets issued, TimeProvider time, ILogger logger)
{
    private static readonly object PrincipalItem = new();

    public async Task HandleAsync(HttpContext context)
    {
        CancellationToken cancellationToken = context.RequestAborted;
        HttpRequest request = context.Request;
        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        int queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        string rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        string rawQuery = queryStart < 0 ? string.Empty : rawTarget[queryStart..];
        EmulatorRoute route = RouteClassifier.Classify(request.Method, rawPath);
        context.Response.Headers["opc-request-id"] = Guid.NewGuid().ToString("N").ToUpperInvariant();
        context.Response.Headers.Date = time.GetUtcNow().ToString("r", System.Globalization.CultureInfo.InvariantCulture); // the service clock clients compare against
        if (request.Headers.TryGetValue("opc-client-request-id", out var clientRequestId))
        {
            context.Response.Headers["opc-client-request-id"] = clientRequestId;
        }

        // Recorded as the response starts, before the client can have it, so a count taken right after a call returns is exact.
        int recorded = 0;
        void Record()
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                PrincipalKind principal = context.Items.TryGetValue(PrincipalItem, out object? value) && value is PrincipalKind kind ? kind : PrincipalKind.Anonymous;
                log.Add(new RequestLogEntry(request.Method, rawPath, rawQuery, route.Operation, context.Response.StatusCode, principal) { Fault = FaultRecord.Applied(context), Range = request.Headers.Range.ToString() });
                Log.RequestHandled(logger, request.Method, rawPath, route.Operation, context.Response.StatusCode, principal);
            }
        }

        context.Response.OnStarting(() =>
        {
            Record();
            return Task.CompletedTask;
        });
        try
        {
            context.Items[PrincipalItem] = await ProcessAsync(context, route, rawTarget, rawPath, rawQuery, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
        {
            Log.HandlerFailed(logger, e, request.Method, rawPath, route.Operation);
            await OciErrors.WriteAsync(context, HttpStatusCode.InternalServerError, "InternalServerError", "The emulator failed to handle the request.", cancellationToken);
        }
        finally
        {
            Record();
        }
    }

    private async Task<PrincipalKind> ProcessAsync(HttpContext context, EmulatorRoute route, string rawTarget, string rawPath, string rawQuery, CancellationToken cancellationToken)
    {
        TimeSpan latency = faults.Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, cancellationToken);
        }

        byte[]? body = await RequestBodyReader.ReadAsync(context.Request, cancellationToken);
        if (body is null)
        {
            await OciErrors.WriteAsync(context, HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge", $"The request body exceeds {RequestBodyReader.MaxBodyBytes} bytes.", cancellationToken);
            return PrincipalKind.Anonymous;
        }

        issued.AddSignature(context.Request.Headers.Authorization.ToString());
        SignatureCheck check = route.Operation == Operations.Metadata
            ? CheckMetadataBearer(context.Request)
            : verifier.Verify(context.Request, rawTarget, body, route.Operation);
        if (!check.Succeeded)
        {
            Log.RequestRejected(logger, context.Request.Method, rawPath, route.Operation, check.Error!);
            await OciErrors.NotAuthenticatedAsync(context, check.Error!, cancellationToken);
            return PrincipalKind.Anonymous;
        }

        context.Items[PrincipalItem] = check.Principal;
        InjectedFault fault = faults.Decide(route.Operation, out HttpStatusCode status);
        if (fault is InjectedFault.BodyReset or InjectedFault.Truncated or InjectedFault.FlippedByte or InjectedFault.Stalled
            && route.Operation != Operations.GetObject)
        {
            // Only object bodies are damaged halfway; any other answer is cut off before it starts.
            fault = InjectedFault.ConnectionReset;
        }

        switch (fault)
        {
            case InjectedFault.TooManyRequests or InjectedFault.ServiceUnavailable or InjectedFault.Status:
                FaultRecord.SetApplied(context, fault);
                if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
                {
                    context.Response.Headers.RetryAfter = "0";
                }

                await OciErrors.WriteAsync(context, status, OciErrors.CodeFor(status), $"Injected fault: {(int)status} for {route.Operation}.", cancellationToken);
                return check.Principal;
            case InjectedFault.ConnectionReset:
                FaultRecord.SetApplied(context, fault);
                context.Abort();
                return check.Principal;
            case not InjectedFault.None:
                FaultRecord.SetPending(context, fault);
                break;
        }

        await faults.EnterNthHoldsAsync(route.Operation, cancellationToken);
        var emulatorRequest = new EmulatorRequest(context, route, rawPath, rawQuery, body);
        await handlers.HandleAsync(emulatorRequest, cancellationToken);
        return check.Principal;
    }

    private static SignatureCheck CheckMetadataBearer(HttpRequest request) =>
        string.Equals(request.Headers.Authorization.ToString(), "Bearer Oracle", StringComparison.Ordinal)
            ? SignatureCheck.Ok(PrincipalKind.Metadata)
            : SignatureCheck.Fail("Instance metadata (IMDS v2) requests must carry the header 'Authorization: Bearer Oracle'.");
}
