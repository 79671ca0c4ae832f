namespace CostSync.Evidence;

/// <summary>A run's counts, named as the Markdown summary names them.</summary>
/// <param name="Listed">Source objects after the include/exclude filters.</param>
/// <param name="Copied">New reports copied and verified.</param>
/// <param name="Changed">Reports changed at the source and copied again.</param>
/// <param name="Superseded">Previously archived bytes preserved before a changed report replaced them.</param>
/// <param name="Skipped">Unchanged reports.</param>
/// <param name="Failed">Objects that could not be archived (or whose write left a doubt).</param>
/// <param name="Gone">Listed reports that left the source before they were read.</param>
/// <param name="InvalidContent">Reports archived byte for byte whose content is not a valid cost report.</param>
/// <param name="Deleted">Objects deleted in Mirror mode.</param>
internal sealed record EvidenceCounts(int Listed, int Copied, int Changed, int Superseded, int Skipped, int Failed, int Gone, int InvalidContent, int Deleted);
