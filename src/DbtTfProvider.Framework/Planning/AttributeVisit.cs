using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Planning;

internal delegate CtyValue AttributeVisit(SchemaAttribute attribute, WalkPlace place);
