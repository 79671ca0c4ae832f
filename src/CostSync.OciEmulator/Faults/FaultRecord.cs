namespace CostSync.OciEmulator.Faults;

/// <summary>
/// Per request, on its <see cref="HttpContext"/>: a body fault decided on arrival and waiting for the body writer, and the fault
/// actually applied (what the request log records; a body fault for an answer without a body is never applied).
/// </summary>
internal static class FaultRecord
{
    private static readonly object PendingKey = new();
    private static readonly object AppliedKey = new();

    public static void SetPending(HttpContext context, InjectedFault fault) => context.Items[PendingKey] = fault;

    public static InjectedFault Pending(HttpContext context) => Read(context, PendingKey);

    public static void SetApplied(HttpContext context, InjectedFault fault) => context.Items[AppliedKey] = fault;

    public static InjectedFault Applied(HttpContext context) => Read(context, AppliedKey);

    private static InjectedFault Read(HttpContext context, object key) =>
        context.Items.TryGetValue(key, out object? value) && value is InjectedFault fault ? fault : InjectedFault.None;
}
