namespace CostSync.Sync.Destinations;

/// <summary>A part that was uploaded: its number, size, the ETag the destination returned and the MD5 we computed.</summary>
public sealed record UploadedPart(int PartNumber, long Length, string ETag, byte[] Md5);
