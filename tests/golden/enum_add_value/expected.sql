-- add value 'review' to enum public.status
ALTER TYPE public.status ADD VALUE 'review' AFTER 'draft';

-- add value 'archived' to enum public.status
ALTER TYPE public.status ADD VALUE 'archived' AFTER 'published';
