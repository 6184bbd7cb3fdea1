namespace VideoPipeline.Domain.Orchestration;

/// <summary>
/// Why a task, orchestration or activity failed, in a form that survives serialization (the exception object
/// itself does not cross a process boundary). Mirrors <c>Microsoft.DurableTask.TaskFailureDetails</c>.
/// </summary>
/// <param name="ErrorType">The namespace-qualified exception type name.</param>
/// <param name="ErrorMessage">The exception message.</param>
/// <param name="StackTrace">Where it was thrown, when known.</param>
/// <param name="InnerFailure">The inner cause, when there is one.</param>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace, TaskFailureDetails? InnerFailure)
{
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        // A failure that wraps another task's failure keeps that task's original details as its inner cause.
        var inner = exception is TaskFailedException failed
            ? failed.FailureDetails
            : exception.InnerException is { } innerException ? FromException(innerException) : null;
        return new TaskFailureDetails(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace, inner);
    }

    /// <summary>True when the failure was an exception of type <typeparamref name="T"/> or a type derived from it.</summary>
    public bool IsCausedBy<T>()
        where T : Exception
    {
        for (var type = FindType(ErrorType); type is not null; type = type.BaseType)
        {
            if (type == typeof(T))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => $"{ErrorType}: {ErrorMessage}";

    private static Type? FindType(string fullName) =>
        Type.GetType(fullName, throwOnError: false)
        ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(fullName, throwOnError: false)).FirstOrDefault(t => t is not null);
}
