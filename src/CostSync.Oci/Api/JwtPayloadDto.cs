namespace CostSync.Oci.Api;

/// <summary>The one JWT claim CostSync reads from a security token.</summary>
internal sealed record JwtPayloadDto(long? Exp);
