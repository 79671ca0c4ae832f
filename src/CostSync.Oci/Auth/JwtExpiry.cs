using System.Buffers.Text;
using System.Text.Json;
using CostSync.Oci.Api;

namespace CostSync.Oci.Auth;

/// <summary>Reads <c>exp</c> from a JWT payload (the signature is the service's business, not ours).</summary>
internal static class JwtExpiry
{
    /// <exception cref="FormatException">The token is not a JWT with a numeric <c>exp</c> claim.</exception>
    public static DateTimeOffset Read(string token)
    {
        string[] parts = token.Split('.');
        if (parts.Length != 3 || parts[1].Length == 0)
        {
            throw new FormatException("The security token is not a JWT (header.payload.signature).");
        }

        byte[] payload;
        try
        {
            payload = Base64Url.DecodeFromChars(parts[1]);
        }
        catch (FormatException e)
        {
            throw new FormatException("The security token's payload is not base64url.", e);
        }

        JwtPayloadDto? claims;
        try
        {
            claims = JsonSerializer.Deserialize(payload, OciJsonContext.Default.JwtPayloadDto);
        }
        catch (JsonException e)
        {
            throw new FormatException("The security token's payload is not JSON.", e);
        }

        return claims?.Exp is { } exp
            ? DateTimeOffset.FromUnixTimeSeconds(exp)
            : throw new FormatException("The security token has no numeric 'exp' claim.");
    }
}
