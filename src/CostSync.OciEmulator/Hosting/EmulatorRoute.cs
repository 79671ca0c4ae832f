namespace CostSync.OciEmulator.Hosting;

/// <summary>The operation a raw request target maps to, with its (still percent-encoded) path parameters.</summary>
internal sealed record EmulatorRoute(string Operation, IReadOnlyList<string> Values)
{
    public static EmulatorRoute Unknown { get; } = new(Operations.Unknown, []);
}
