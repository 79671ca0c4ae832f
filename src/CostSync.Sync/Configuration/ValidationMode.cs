namespace CostSync.Sync.Configuration;

/// <summary>How much of each <c>.csv.gz</c> report CostSync checks while it streams through (the bytes are never changed).</summary>
public enum ValidationMode
{
    /// <summary>No check: reports are copied and verified against OCI's checksums only.</summary>
    Off,

    /// <summary>The gzip header and the first line: a valid gzip stream whose first line is a known report header.</summary>
    Header,

    /// <summary>Everything: the whole gzip stream (every block, its CRC-32 and length trailer, nothing after it) and every line's column count.</summary>
    Full,
}
