namespace CostSync.Sync.Validation;

/// <summary>Receives decompressed bytes in order; returns false when it needs no more.</summary>
internal delegate bool DecodedBytes(ReadOnlySpan<byte> data);
