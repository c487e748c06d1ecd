using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Framework.Schema;

/// <summary>
/// A getter and setter in one: <c>m =&gt; ref m.Name</c>. Models are plain classes whose fields are
/// <see cref="TfString"/>, <see cref="TfSet{T}"/> etc.; binding through delegates keeps the framework free of
/// reflection (trim- and AOT-clean).
/// </summary>
public delegate ref TField FieldRef<in TModel, TField>(TModel model);
