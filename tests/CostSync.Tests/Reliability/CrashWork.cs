namespace CostSync.Tests.Reliability;

/// <summary>The requests a run of the crash loop makes for its copies (without faults), to pick a kill point that is reached.</summary>
internal sealed record CrashWork(int SourceGets, int SourceHeads, int Parts, int MultipartUploads, int SinglePuts, int SupersededCopies);
