namespace CostSync.Sync.Verification;

/// <summary>The fix line of each kind of problem, for an operator who has only this output in front of them.</summary>
internal static class VerifyFixes
{
    public const string MissingReport =
        "It was deleted or moved outside CostSync. While bling still has the report (OCI keeps reports for a year) `CostSync --once` copies it again; otherwise restore it from a backup or an older version of the object.";

    public const string MissingSuperseded =
        "It was deleted or moved outside CostSync, and bling no longer has these bytes: restore it from a backup or an older version of the object.";

    public const string ChangedVisibly =
        "The archive no longer holds the bytes CostSync copied. While bling still has the report, the next run (`CostSync --once`) copies it again and keeps these bytes under .costsync/superseded/; otherwise restore it from a backup or an older version of the object.";

    public const string ReplacedByAnotherWriter =
        "Another tool replaced it (an object without CostSync's metadata), and no run overwrites an object CostSync did not write. Move that object aside (copy it elsewhere, then delete it); while bling still has the report the next run (`CostSync --once`) then copies it again; otherwise restore it from a backup or an older version of the object.";

    public const string ChangedSilently =
        "The bytes changed although size and ETag did not (damage, or a replacement that kept them). Restore the object from a backup or an older version; or move it aside, and while bling still has the report `CostSync --once` copies it again.";

    public const string ChangedSuperseded =
        "These preserved bytes are not the ones CostSync recorded, and bling no longer has them: restore the object from a backup or an older version.";

    public const string Unrecorded =
        "A run stopped between copying it and recording it (or the ledger lost an entry): the next run records it from its metadata (`CostSync --once`). If a run is copying right now, its entries may not be written yet: verify again after it.";

    public const string Unreadable =
        "Run `verify` again; if it persists, check that the credentials may read objects (s3:GetObject, and kms:Decrypt for SSE-KMS) and that the storage class allows reading (archive classes such as GLACIER must be restored first).";

    public const string NotArchived =
        "The next run copies it (`CostSync --once` now). If it stays missing, the failures section of the latest evidence under .costsync/runs/ says why.";

    public const string ChangedAtSource =
        "OCI corrected the report in place. The next run (`CostSync --once`) copies the new version and keeps the archived one under .costsync/superseded/.";
}
