using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CostSync.Tests.Support;

/// <summary>RSA-2048 test keys generated once per test run by name (generation is slow on 2 busy cores); each call returns a new instance.</summary>
internal static class TestKeys
{
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Keys = new(StringComparer.Ordinal);

    public static RSA Get(string name)
    {
        byte[] pkcs8 = Keys.GetOrAdd(name, _ => new Lazy<byte[]>(() =>
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportPkcs8PrivateKey();
        })).Value;
        var key = RSA.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        return key;
    }
}
