using System.Security.Cryptography;
using CostSync.OciEmulator.Identity;

namespace CostSync.Tests.Support;

/// <summary>RSA-2048 test keys by name, generated once per test run through the emulator's key cache; each call returns a new instance.</summary>
internal static class TestKeys
{
    // Prefixed so a test key never equals one of the emulator's own keys (a "wrong key" must stay wrong).
    public static RSA Get(string name) => SharedKeys.Get("test:" + name);
}
