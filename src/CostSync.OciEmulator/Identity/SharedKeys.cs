using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CostSync.OciEmulator.Identity;

/// <summary>
/// RSA-2048 keys generated once per process and reused by every emulator instance, by role. Key generation costs
/// about a second on a busy 2-core machine and tests start an emulator per class; each caller gets its own
/// <see cref="RSA"/> instance. Keys that must differ (a rotated instance certificate) are generated fresh instead.
/// </summary>
internal static class SharedKeys
{
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Keys = new(StringComparer.Ordinal);

    public static RSA Get(string role)
    {
        byte[] pkcs8 = Keys.GetOrAdd(role, _ => new Lazy<byte[]>(Generate, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return rsa;
    }

    private static byte[] Generate()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKey();
    }
}
