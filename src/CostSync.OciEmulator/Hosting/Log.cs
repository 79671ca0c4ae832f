namespace CostSync.OciEmulator.Hosting;

/// <summary>Emulator log events. Never logs headers, signatures, tokens or secret content.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9001, EventName = "RequestHandled", Level = LogLevel.Debug, Message = "{Method} {Path} → {Operation} {Status} as {Principal}")]
    public static partial void RequestHandled(ILogger logger, string method, string path, string operation, int status, Requests.PrincipalKind principal);

    [LoggerMessage(EventId = 9002, EventName = "RequestRejected", Level = LogLevel.Information, Message = "{Method} {Path} → {Operation} rejected with 401: {Reason}")]
    public static partial void RequestRejected(ILogger logger, string method, string path, string operation, string reason);

    [LoggerMessage(EventId = 9003, EventName = "HandlerFailed", Level = LogLevel.Error, Message = "{Method} {Path} → {Operation} failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string method, string path, string operation);
}
