// n8n-core logs every failed node run; most tests fail nodes on purpose.
process.env.N8N_LOG_LEVEL = 'silent';
