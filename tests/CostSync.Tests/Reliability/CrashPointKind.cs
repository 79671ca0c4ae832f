namespace CostSync.Tests.Reliability;

/// <summary>The steps of a run the crash loop kills it at.</summary>
internal enum CrashPointKind
{
    /// <summary>OCI ListObjects held: during the source listing.</summary>
    SourceListing,

    /// <summary>S3 ListObjectsV2 held before S3 sees it: during the destination listing.</summary>
    DestinationListing,

    /// <summary>S3 ListMultipartUploads held: while sweeping stale uploads.</summary>
    StaleUploadSweep,

    /// <summary>The Nth OCI GetObject held: mid-copy, some parts of an object uploaded and others not.</summary>
    SourceRead,

    /// <summary>The Nth OCI HeadObject held: a multipart copy about to start.</summary>
    SourceHead,

    /// <summary>The Nth CreateMultipartUpload answered by S3 but not yet by the proxy: an upload exists that the run never learns of.</summary>
    UploadStarted,

    /// <summary>The Nth UploadPart held before S3 sees it: mid-part.</summary>
    PartSent,

    /// <summary>The Nth UploadPart stored by S3, its answer held: the part exists, the run does not know.</summary>
    PartStored,

    /// <summary>The Nth CompleteMultipartUpload done by S3, its answer held: between the completion and the ledger flush.</summary>
    UploadCompleted,

    /// <summary>The Nth PutObject of a report stored, its answer held: the object exists, unrecorded.</summary>
    ReportStored,

    /// <summary>The server-side copy of a changed report's old bytes done, its answer held: before the overwrite.</summary>
    SupersededCopied,

    /// <summary>The first ledger segment PUT held before S3 sees it: during the ledger flush.</summary>
    LedgerFlushSent,

    /// <summary>The first ledger segment stored, its answer held: the flush happened, the run does not know.</summary>
    LedgerFlushStored,
}
