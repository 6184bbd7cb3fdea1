namespace VideoPipeline.Domain.Storage;

/// <summary>
/// A provider task id or callback token is already registered for another orchestration instance: routing a callback
/// to either would be wrong, so the second registration is refused. The message names the key and both instances.
/// </summary>
public sealed class TaskRegistrationConflictException : Exception
{
    public TaskRegistrationConflictException()
        : this("a task registration conflicts with an existing one")
    {
    }

    public TaskRegistrationConflictException(string message)
        : base(message)
    {
        Key = string.Empty;
        ExistingInstanceId = string.Empty;
        RefusedInstanceId = string.Empty;
    }

    public TaskRegistrationConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = string.Empty;
        ExistingInstanceId = string.Empty;
        RefusedInstanceId = string.Empty;
    }

    /// <param name="key">What was registered twice, e.g. <c>provider task runway/abc</c> or <c>callback token …</c>.</param>
    public TaskRegistrationConflictException(string key, string existingInstanceId, string refusedInstanceId)
        : base($"{key} is already registered for instance '{existingInstanceId}'; refused registering it for instance '{refusedInstanceId}'")
    {
        Key = key;
        ExistingInstanceId = existingInstanceId;
        RefusedInstanceId = refusedInstanceId;
    }

    public string Key { get; }

    public string ExistingInstanceId { get; }

    public string RefusedInstanceId { get; }
}
