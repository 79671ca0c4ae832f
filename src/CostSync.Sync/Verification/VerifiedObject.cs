namespace CostSync.Sync.Verification;

/// <summary>An object read back in full: its key, the bytes read and what they were compared with.</summary>
/// <param name="Key">The destination key.</param>
/// <param name="Bytes">Bytes read.</param>
/// <param name="Compared">What was compared with the ledger, e.g. <c>size, MD5, CRC-32C</c>.</param>
/// <param name="Matched">True when everything compared matched.</param>
internal sealed record VerifiedObject(string Key, long Bytes, string Compared, bool Matched);
