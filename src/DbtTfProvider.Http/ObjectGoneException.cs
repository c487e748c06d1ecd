namespace DbtTfProvider.Http;

/// <summary>
/// The service itself confirmed that an object no longer exists: it answered with the object marked deleted
/// (dbt Cloud's soft delete, <c>state: 2</c>), or a not-found answer in the service's own error shape was confirmed by
/// a second look (a second read, a consistent list, the object's parent still visible). The clients throw this, and
/// only this, for "gone"; a single 404, a 404 that is not the service's (a proxy's page) or one that blames
/// permissions stays an ordinary error, because a live object must never be forgotten on a hiccup.
/// </summary>
public sealed class ObjectGoneException : Exception
{
    public ObjectGoneException(string service, string what, string evidence, Exception? inner = null)
        : base($"{service}: {what} no longer exists ({evidence})", inner)
    {
        Service = service;
        What = what;
        Evidence = evidence;
    }

    /// <summary>"dbt Cloud" or "Datafold".</summary>
    public string Service { get; }

    /// <summary>The object, e.g. "job 3001".</summary>
    public string What { get; }

    /// <summary>How the service confirmed it, e.g. "answered with state 2 (deleted)".</summary>
    public string Evidence { get; }
}
