using CostSync.Sync.Configuration;

namespace CostSync.Sync.Validation;

/// <summary>
/// Validates one report while its bytes stream through: append every piece in order (each is read in place, none is kept),
/// then <see cref="Complete"/>. <see cref="ValidationMode.Header"/> stops decompressing once the first line is in;
/// <see cref="ValidationMode.Full"/> decompresses everything and counts every record's fields. Never throws for bad content.
/// </summary>
internal sealed class ReportValidator
{
    private readonly ValidationMode _mode;
    private readonly CsvShape _csv;
    private readonly GzipDecoder _gzip;

    public ReportValidator(ValidationMode mode)
    {
        _mode = mode;
        _csv = new CsvShape(countRecords: mode == ValidationMode.Full);
        _gzip = new GzipDecoder(_csv.Accept);
    }

    /// <summary>False once the verdict cannot change any more (Header mode after the first line, or content already found bad): later pieces need no turn.</summary>
    public bool NeedsMoreBytes => !_gzip.Done;

    /// <summary>Takes the next bytes of the object, in order.</summary>
    public void Append(ReadOnlyMemory<byte> bytes) => _gzip.Append(bytes);

    /// <summary>After the last byte: what the content is, or what is wrong with it.</summary>
    public ContentCheck Complete()
    {
        var gzipProblem = _gzip.Complete();
        if (gzipProblem is null || _csv.Header is not null)
        {
            // A stream that ended cleanly (or was left on purpose) may hold a first line without a line break.
            _csv.End();
        }

        if (_csv.Header is null)
        {
            return Invalid(null, gzipProblem ?? _csv.HeaderProblem ?? "the content is empty after decompression: no header line");
        }

        var header = _csv.Header;
        if (header.Problem is not null)
        {
            return Invalid(null, header.Problem) with { ByteOrderMark = header.ByteOrderMark };
        }

        var (family, problem) = ReportFamilies.Recognize(header.Columns);
        var check = new ContentCheck(_mode, family, problem ?? gzipProblem ?? _csv.RecordProblem())
        {
            // An unknown first line may be a data row: its fields are never kept.
            Columns = family is null ? [] : header.Columns,
            Schema = family is null ? null : ReportFamilies.Fingerprint(header.Columns),
            ByteOrderMark = header.ByteOrderMark,
            Rows = _mode == ValidationMode.Full ? _csv.Records : null,
        };
        return check;
    }

    private ContentCheck Invalid(ReportFamily? family, string problem) => new(_mode, family, problem);
}
