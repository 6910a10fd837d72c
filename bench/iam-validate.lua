-- wrk script: authenticated Twilio IAM token validations against the sandbox.
-- ACCOUNT_SID and AUTH_TOKEN come from the environment (set by sandbox-throughput.sh).
local sid = os.getenv("ACCOUNT_SID")
local token = os.getenv("AUTH_TOKEN")
local function b64(data)
  local chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  return ((data:gsub('.', function(x)
    local r, byte = '', x:byte()
    for i = 8, 1, -1 do r = r .. (byte % 2 ^ i - byte % 2 ^ (i - 1) > 0 and '1' or '0') end
    return r
  end) .. '0000'):gsub('%d%d%d?%d?%d?%d?', function(x)
    if #x < 6 then return '' end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == '1' and 2 ^ (6 - i) or 0) end
    return chars:sub(c + 1, c + 1)
  end) .. ({ '', '==', '=' })[#data % 3 + 1])
end
wrk.method = "POST"
wrk.path = "/twilio/iam/v1/Accounts/" .. sid .. "/Tokens/validate"
wrk.headers["Authorization"] = "Basic " .. b64(sid .. ":" .. token)
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"token":"benchmark-token"}'
local non200 = 0
function response(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end
