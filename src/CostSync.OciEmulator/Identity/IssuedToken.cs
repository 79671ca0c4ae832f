using CostSync.OciEmulator.Requests;

namespace CostSync.OciEmulator.Identity;

/// <summary>A token the emulator minted: the session key it is bound to, its expiry and revocation generation.</summary>
internal sealed record IssuedToken(string Id, string Subject, PrincipalKind Kind, byte[] SessionPublicKey, DateTimeOffset ExpiresAt, int Generation);
