using System.Security.Cryptography;

namespace CostSync.OciEmulator;

/// <summary>Generates OCID-shaped identifiers.</summary>
internal static class OciIdentifiers
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>E.g. <c>ocid1.tenancy.oc1..aaaaaaaa…</c> (region empty) or <c>ocid1.instance.oc1.iad.…</c>.</summary>
    public static string New(string kind, string region = "") =>
        $"ocid1.{kind}.oc1.{region}.aaaaaaaa{RandomNumberGenerator.GetString(Alphabet, 52)}";
}
