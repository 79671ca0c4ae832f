using CostSync.OciEmulator.Faults;

namespace CostSync.OciEmulator.Requests;

/// <summary>One request as the emulator saw it.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Raw path as received (still percent-encoded), without the query.</param>
/// <param name="Query">Raw query as received, including the leading <c>?</c>, or empty.</param>
/// <param name="Operation">One of <see cref="Operations"/>.</param>
/// <param name="Status">Response status code.</param>
/// <param name="Principal">How the request authenticated.</param>
internal sealed record RequestLogEntry(string Method, string Path, string Query, string Operation, int Status, PrincipalKind Principal)
{
    /// <summary>The fault injected into this request, if any (a reset request has no real status: <see cref="Status"/> is then meaningless).</summary>
    public InjectedFault Fault { get; init; }

    /// <summary>The request's <c>Range</c> header, or empty.</summary>
    public string Range { get; init; } = string.Empty;
}
