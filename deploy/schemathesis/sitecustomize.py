# Loaded by deploy/schemathesis.sh (PYTHONPATH) into schemathesis's Python only.
#
# CPython before 3.11.8 and 3.12.2 can raise "SystemError: AST constructor recursion depth
# mismatch" from ast.parse (CPython gh-106905). Hypothesis parses a lambda's source only to
# describe a filtered strategy in its repr; when the interpreter has that bug, the description
# falls back to a plain one instead of aborting the run. Nothing about what is generated or
# checked changes.
try:
    from hypothesis.internal import lambda_sources

    _describe = lambda_sources.lambda_description

    def _lambda_description(f):
        try:
            return _describe(f)
        except SystemError:
            return "lambda"

    lambda_sources.lambda_description = _lambda_description
except Exception:  # an other Hypothesis layout: leave it as it is
    pass
