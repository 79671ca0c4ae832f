using CostSync.Oci.ObjectStorage;

namespace CostSync.Sync.Transfer;

/// <summary>How an object is cut into multipart parts: at least 5 MiB each (S3's minimum), at most 10,000 parts.</summary>
internal readonly record struct PartLayout(long ObjectSize, long PartSize, int PartCount)
{
    public const long MinPartSize = 5L * 1024 * 1024;
    public const int MaxParts = 10_000;

    public static PartLayout For(long objectSize, long preferredPartSize)
    {
        var partSize = Math.Max(preferredPartSize, MinPartSize);
        if ((objectSize + partSize - 1) / partSize > MaxParts)
        {
            // Grow to the next whole MiB that fits the object into 10,000 parts.
            const long MiB = 1024 * 1024;
            var needed = (objectSize + MaxParts - 1) / MaxParts;
            partSize = (needed + MiB - 1) / MiB * MiB;
        }

        var count = (int)Math.Max(1, (objectSize + partSize - 1) / partSize);
        return new PartLayout(objectSize, partSize, count);
    }

    public ByteRange Range(int index)
    {
        var offset = index * PartSize;
        return new ByteRange(offset, Math.Min(PartSize, ObjectSize - offset));
    }
}
