using CostSync.OciEmulator.Requests;

namespace CostSync.OciEmulator.Signing;

/// <summary>Outcome of verifying one request: the principal, or the reason for a 401.</summary>
internal sealed record SignatureCheck(bool Succeeded, PrincipalKind Principal, string? Error)
{
    public static SignatureCheck Ok(PrincipalKind principal) => new(true, principal, null);

    public static SignatureCheck Fail(string error) => new(false, PrincipalKind.Anonymous, error);
}
