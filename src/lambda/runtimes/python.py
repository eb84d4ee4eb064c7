# apigw's runtime loop for python3.* functions: the Lambda Runtime API
# client a python Lambda function's process runs, in the standard library
# only (nothing to install). apigw starts it as
#   python3 -u THIS_FILE
# with _HANDLER, LAMBDA_TASK_ROOT and AWS_LAMBDA_RUNTIME_API set, as the
# service's own python runtime is started.
import http.client
import importlib
import json
import os
import sys
import time
import traceback

API = os.environ["AWS_LAMBDA_RUNTIME_API"]
BASE = "/2018-06-01/runtime"


class Connection:
    """One kept-alive connection to the Runtime API, reopened if it drops."""

    def __init__(self):
        self.conn = None

    def call(self, method, path, body=None, headers=None):
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(API)
            try:
                self.conn.request(method, BASE + path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                return response, response.read()
            except (ConnectionError, http.client.HTTPException):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise


api = Connection()


def error_document(exc, kind=None):
    return {
        "errorMessage": str(exc),
        "errorType": kind or type(exc).__name__,
        "requestId": "",
        "stackTrace": traceback.format_list(traceback.extract_tb(exc.__traceback__)),
    }


def post_error(path, doc):
    body = json.dumps(doc).encode()
    api.call("POST", path, body, {
        "Content-Type": "application/json",
        "Lambda-Runtime-Function-Error-Type": doc["errorType"],
    })


class Context:
    def __init__(self, headers):
        self.aws_request_id = headers.get("Lambda-Runtime-Aws-Request-Id", "")
        self.invoked_function_arn = headers.get("Lambda-Runtime-Invoked-Function-Arn", "")
        self._deadline_ms = int(headers.get("Lambda-Runtime-Deadline-Ms", "0") or 0)
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME", "")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME", "")
        self.identity = None
        self.client_context = None

    def get_remaining_time_in_millis(self):
        return max(self._deadline_ms - int(time.time() * 1000), 0)


def load_handler():
    spec = os.environ.get("_HANDLER", "")
    module_name, _, function_name = spec.rpartition(".")
    if not module_name or not function_name:
        raise ValueError(f"Bad handler '{spec}': not enough values to unpack (expected 2, got 1)")
    sys.path.insert(0, os.environ.get("LAMBDA_TASK_ROOT", "."))
    try:
        module = importlib.import_module(module_name.replace("/", "."))
    except ImportError as e:
        raise LoadError(f"Unable to import module '{module_name}': {e}", "Runtime.ImportModuleError")
    except SyntaxError as e:
        raise LoadError(f"Syntax error in module '{module_name}': {e}", "Runtime.UserCodeSyntaxError")
    handler = getattr(module, function_name, None)
    if handler is None:
        raise LoadError(
            f"Handler '{function_name}' missing on module '{module_name}'", "Runtime.HandlerNotFound"
        )
    return handler


class LoadError(Exception):
    def __init__(self, message, kind):
        super().__init__(message)
        self.kind = kind


def main():
    try:
        handler = load_handler()
    except LoadError as e:
        post_error("/init/error", error_document(e, e.kind))
        sys.exit(1)
    except Exception as e:
        post_error("/init/error", error_document(e, "Runtime.Unknown"))
        sys.exit(1)
    while True:
        response, body = api.call("GET", "/invocation/next")
        headers = {k: v for k, v in response.getheaders()}
        # Header names as the Runtime API sends them; http.client keeps case.
        headers = {k.title(): v for k, v in headers.items()}
        request_id = headers.get("Lambda-Runtime-Aws-Request-Id", "")
        os.environ["_X_AMZN_TRACE_ID"] = headers.get("Lambda-Runtime-Trace-Id", "")
        try:
            event = json.loads(body) if body else None
            result = handler(event, Context(headers))
            try:
                out = json.dumps(result).encode()
            except (TypeError, ValueError) as e:
                doc = error_document(e, "Runtime.MarshalError")
                doc["errorMessage"] = f"Unable to marshal response: {e}"
                post_error(f"/invocation/{request_id}/error", doc)
                continue
            api.call("POST", f"/invocation/{request_id}/response", out,
                     {"Content-Type": "application/json"})
        except Exception as e:
            doc = error_document(e)
            doc["requestId"] = request_id
            print(f"[ERROR] {type(e).__name__}: {e}", file=sys.stderr, flush=True)
            post_error(f"/invocation/{request_id}/error", doc)


if __name__ == "__main__":
    main()
