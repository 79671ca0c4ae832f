namespace CostSync.Oci.Monitoring;

/// <summary>Validation behaviour of a PostMetricData batch (<c>ATOMIC</c> or <c>NON_ATOMIC</c> on the wire).</summary>
public enum BatchAtomicity
{
    /// <summary>All metric objects must pass validation, or none is stored.</summary>
    Atomic,

    /// <summary>Objects that pass validation are stored; the others are listed in the answer.</summary>
    NonAtomic,
}
