namespace CostSync.Sync.Destinations.FileSystem;

/// <summary>What a temp file is for: written next to it so stale uploads can be listed and swept.</summary>
internal sealed record DirectoryUploadDescriptor(string Key, DateTimeOffset Initiated, Dictionary<string, string> Metadata);
