namespace CostSync.Oci.ObjectStorage;

/// <summary>An inclusive-exclusive byte range <c>[Offset, Offset + Length)</c>, sent as <c>Range: bytes=Offset-(Offset+Length-1)</c>.</summary>
public readonly record struct ByteRange(long Offset, long Length)
{
    /// <summary>The last byte's offset (inclusive).</summary>
    public long Last => Offset + Length - 1;

    /// <summary>The value of the HTTP <c>Range</c> header.</summary>
    public override string ToString() => $"bytes={Offset}-{Last}";
}
