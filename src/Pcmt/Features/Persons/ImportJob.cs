namespace Pcmt.Features.Persons;

/// <summary>
/// Một lần nhập danh sách chạy nền: the uploaded file and who uploaded it (the import runs with that user's role and area),
/// its progress and result. Kept in the database so any app node can run it and any node can report its progress.
/// </summary>
public sealed class ImportJob
{
    public const string QueuedStatus = "queued";
    public const string RunningStatus = "running";
    public const string DoneStatus = "done";
    public const string FailedStatus = "failed";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public string UserName { get; set; } = "";

    public string Role { get; set; } = "";

    public string ScopeKind { get; set; } = "";

    public string? ScopeCode { get; set; }

    public string? ProvinceCode { get; set; }

    public string? CommuneCode { get; set; }

    public string FileName { get; set; } = "";

    /// <summary>The uploaded file, encrypted; emptied once the job has run.</summary>
    public byte[] Content { get; set; } = [];

    public bool ImportValidRows { get; set; }

    public string? DefaultCommuneCode { get; set; }

    public string Status { get; set; } = QueuedStatus;

    public int Done { get; set; }

    public int Total { get; set; }

    /// <summary>The outcome as JSON (rows, imported, refused, errors) once finished.</summary>
    public string? Result { get; set; }

    public Guid? RejectId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    /// <summary>Last sign of life of the node running it; a running job silent for long is queued again.</summary>
    public DateTime? HeartbeatAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}
