using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CostSync.OciEmulator.Requests;

namespace CostSync.OciEmulator.Identity;

/// <summary>Mints RS256 JWT security tokens bound to a session public key, and validates <c>ST$</c> key ids.</summary>
internal sealed class TokenIssuer(TimeProvider time, string tenancyId, TimeSpan lifetime) : IDisposable
{
    private readonly Lazy<RSA> _signingKey = new(() => SharedKeys.Get("emulator-token-signing"), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private int _generation;

    /// <summary>Where each minted token is recorded (tests check none reaches CostSync's output).</summary>
    public IssuedSecrets? Issued { get; init; }

    /// <summary>Mints a token for <paramref name="subject"/> bound to the session key (DER SubjectPublicKeyInfo).</summary>
    public string Issue(string subject, PrincipalKind kind, byte[] sessionPublicKey)
    {
        DateTimeOffset now = time.GetUtcNow();
        var token = new IssuedToken(Guid.NewGuid().ToString("N"), subject, kind, sessionPublicKey, now + lifetime, Volatile.Read(ref _generation));
        _tokens[token.Id] = token;
        string header = Encode(w =>
        {
            w.WriteString("alg", "RS256");
            w.WriteString("typ", "JWT");
            w.WriteString("kid", "costsync-emulator");
        });
        string payload = Encode(w =>
        {
            w.WriteString("iss", "authService.oracle.com");
            w.WriteString("aud", "oci");
            w.WriteString("sub", subject);
            w.WriteString("tenant", tenancyId);
            w.WriteString("ptype", kind == PrincipalKind.InstancePrincipal ? "instance" : "user");
            w.WriteString("jti", token.Id);
            w.WriteNumber("iat", now.ToUnixTimeSeconds());
            w.WriteNumber("exp", token.ExpiresAt.ToUnixTimeSeconds());
            w.WriteString("jwk", Jwk(sessionPublicKey, token.Id));
        });
        string signed = header + "." + payload;
        byte[] signature = _signingKey.Value.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        string jwt = signed + "." + Base64Url.EncodeToString(signature);
        Issued?.Add(jwt, "security token");
        return jwt;
    }

    /// <summary>Invalidates every token issued so far.</summary>
    public void ExpireAll() => Interlocked.Increment(ref _generation);

    public bool TryValidate(string jwt, [NotNullWhen(true)] out IssuedToken? token, [NotNullWhen(false)] out string? error)
    {
        token = null;
        string[] parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            error = "The security token in keyId 'ST$…' is not a JWT (expected header.payload.signature).";
            return false;
        }

        try
        {
            byte[] signature = Base64Url.DecodeFromChars(parts[2]);
            if (!_signingKey.Value.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                error = "The security token was not issued by this authentication service (JWT signature invalid).";
                return false;
            }

            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            string id = payload.RootElement.GetProperty("jti").GetString() ?? string.Empty;
            if (!_tokens.TryGetValue(id, out token))
            {
                error = "The security token is unknown to this authentication service.";
                return false;
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            error = "The security token could not be decoded.";
            return false;
        }

        if (token.Generation != Volatile.Read(ref _generation))
        {
            error = "The security token has been revoked; request a new one.";
            token = null;
            return false;
        }

        if (time.GetUtcNow() >= token.ExpiresAt)
        {
            error = $"The security token expired at {token.ExpiresAt:u}; request a new one.";
            token = null;
            return false;
        }

        error = null;
        return true;
    }

    public void Dispose()
    {
        if (_signingKey.IsValueCreated)
        {
            _signingKey.Value.Dispose();
        }
    }

    private static string Jwk(byte[] sessionPublicKey, string kid)
    {
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(sessionPublicKey, out _);
        RSAParameters p = rsa.ExportParameters(false);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("kid", kid);
            w.WriteString("n", Base64Url.EncodeToString(p.Modulus));
            w.WriteString("e", Base64Url.EncodeToString(p.Exponent));
            w.WriteString("kty", "RSA");
            w.WriteString("alg", "RS256");
            w.WriteString("use", "sig");
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Encode(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Base64Url.EncodeToString(buffer.ToArray());
    }
}
